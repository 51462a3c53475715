package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ETagsTest {

    @Test
    void ifMatchAcceptsWeakStarAndLists() {
        ETags.requireMatch(null, 3);
        ETags.requireMatch("\"3\"", 3);
        ETags.requireMatch("W/\"3\"", 3);
        ETags.requireMatch("*", 3);
        ETags.requireMatch("\"1\", \"3\"", 3);
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertThat(e.status()).isEqualTo(412);
        assertThat(e.code()).isEqualTo("STALE_ETAG");
    }
}
