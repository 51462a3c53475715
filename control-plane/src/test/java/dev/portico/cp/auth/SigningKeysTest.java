package dev.portico.cp.auth;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.Signature;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    @Test
    void aGeneratedPairReadsBackAsAMatchingPair() throws Exception {
        String stored = SigningKeys.generate();
        assertThat(stored).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");

        KeyPair pair = SigningKeys.parse(stored);
        byte[] data = "portico".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> SigningKeys.parse("not a key")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        assertThat(Passwords.generate()).hasSize(24).isNotEqualTo(Passwords.generate());
    }
}
