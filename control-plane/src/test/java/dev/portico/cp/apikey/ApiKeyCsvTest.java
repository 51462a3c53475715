package dev.portico.cp.apikey;

import dev.portico.cp.error.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCsvTest {

    private static final String KEY_A = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String KEY_B = "bbbbbbbbbbbbbbbbbbbbbbbb";

    @Test
    void readsAwsFormatWithHeaderInAnyCase() {
        ApiKeyCsv.Parsed parsed = ApiKeyCsv.parse("Name,KEY,Description,Enabled,UsagePlanIds\r\n"
                + "alpha," + KEY_A + ",first key,true,\r\n"
                + "beta," + KEY_B + ",,FALSE,\r\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).containsExactly(
                new ApiKeyCsv.Row(2, "alpha", KEY_A, "first key", true, List.of()),
                new ApiKeyCsv.Row(3, "beta", KEY_B, null, false, List.of()));
    }

    @Test
    void onlyNameAndKeyColumnsAreRequiredAndEmptyEnabledMeansEnabled() {
        ApiKeyCsv.Parsed parsed = ApiKeyCsv.parse("key,name\n" + KEY_A + ",alpha");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).containsExactly(new ApiKeyCsv.Row(2, "alpha", KEY_A, null, true, List.of()));
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        ApiKeyCsv.Parsed parsed = ApiKeyCsv.parse("name,key,description\n"
                + "\"a, \"\"quoted\"\" name\"," + KEY_A + ",\"two\nlines\"\n"
                + "beta," + KEY_B + ",\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(ApiKeyCsv.Row::name).containsExactly("a, \"quoted\" name", "beta");
        assertThat(parsed.rows().get(0).description()).isEqualTo("two\nlines");
        assertThat(parsed.rows()).extracting(ApiKeyCsv.Row::line).containsExactly(2, 4);
    }

    @Test
    void namesEveryBadCellByLineNumberCountingEmptyLines() {
        ApiKeyCsv.Parsed parsed = ApiKeyCsv.parse("\uFEFFname,key,description,enabled,usageplanIds\n"
                + "ok," + KEY_A + ",,,\n"
                + "short,tooshort,,,\n"
                + "\n"
                + "dup," + KEY_A + ",,,\n"
                + "flag," + KEY_B + ",,yes,\n"
                + "," + "c".repeat(20) + ",,,\n"
                + "spaces,has spaces in the key value,,,\n"
                + "few,fields\n");
        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly(
                "line 3: key", "line 5: key", "line 6: enabled", "line 7: name", "line 8: key", "line 9");
        assertThat(parsed.errors().get(1).message()).isEqualTo("is the same key as line 2");
    }

    @Test
    void usagePlanIdsAreSeparatedBySemicolonsOrCommas() {
        ApiKeyCsv.Parsed parsed = ApiKeyCsv.parse("name,key,usageplanIds\n"
                + "alpha," + KEY_A + ",\"plan1; plan2,plan3;;plan1\"\n"
                + "beta," + KEY_B + ",\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(ApiKeyCsv.Row::planIds)
                .containsExactly(List.of("plan1", "plan2", "plan3"), List.of());
    }

    @Test
    void badHeadersAreNamed() {
        assertThat(fields(ApiKeyCsv.parse("name,secret\nx," + KEY_A))).containsExactly("line 1: secret");
        assertThat(fields(ApiKeyCsv.parse("name,key,NAME\nx," + KEY_A + ",y"))).containsExactly("line 1: NAME");
        assertThat(fields(ApiKeyCsv.parse("name,description\nx,y"))).containsExactly("line 1");
    }

    @Test
    void emptyFilesAndFilesWithoutKeysAreRefused() {
        assertThat(fields(ApiKeyCsv.parse(""))).containsExactly("body");
        assertThat(fields(ApiKeyCsv.parse("name,key\n"))).containsExactly("body");
        assertThat(fields(ApiKeyCsv.parse("name,key\n\"unterminated," + KEY_A + "\n"))).containsExactly("body");
    }

    @Test
    void keysMustBeBetween20And128Characters() {
        assertThat(fields(ApiKeyCsv.parse("name,key\nx," + "k".repeat(19)))).containsExactly("line 2: key");
        assertThat(fields(ApiKeyCsv.parse("name,key\nx," + "k".repeat(20)))).isEmpty();
        assertThat(fields(ApiKeyCsv.parse("name,key\nx," + "k".repeat(128)))).isEmpty();
        assertThat(fields(ApiKeyCsv.parse("name,key\nx," + "k".repeat(129)))).containsExactly("line 2: key");
    }

    private static List<String> fields(ApiKeyCsv.Parsed parsed) {
        return parsed.errors().stream().map(FieldError::field).toList();
    }
}
