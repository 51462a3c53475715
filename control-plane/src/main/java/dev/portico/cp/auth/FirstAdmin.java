package dev.portico.cp.auth;

import dev.portico.cp.config.PorticoConfig;
import dev.portico.cp.platform.DataDirectory;
import dev.portico.cp.platform.SecretFile;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates the user {@code admin} at the first start: with {@code PORTICO_ADMIN_PASSWORD}, or with a
 * generated password that is shown once and written to {@code $PORTICO_DATA_DIR/admin-password}
 * (mode 600). Later starts change nothing, even when the variable changes.
 */
@ApplicationScoped
public class FirstAdmin {

    private final AdminUsers users;
    private final PorticoConfig config;
    private final DataDirectory dataDirectory;

    FirstAdmin(AdminUsers users, PorticoConfig config, DataDirectory dataDirectory) {
        this.users = users;
        this.config = config;
        this.dataDirectory = dataDirectory;
    }

    /** What happened, for the start-up summary. */
    public record Outcome(String generatedPassword, boolean createdNow, boolean fromEnvironment, SecretFile file) {

        /** One line on where the admin password is; the password itself only when it was generated now. */
        public String describe() {
            if (generatedPassword != null) {
                return generatedPassword + "   (generated now, shown once; also in " + file + ")";
            }
            if (fromEnvironment) {
                return "the one in PORTICO_ADMIN_PASSWORD";
            }
            return file.exists() ? "in " + file : "the one set at the first start";
        }
    }

    public Outcome ensure() {
        SecretFile file = dataDirectory.adminPassword();
        if (!users.none()) {
            return new Outcome(null, false, false, file);
        }
        boolean fromEnvironment = config.adminPassword().isPresent();
        String password = config.adminPassword().orElseGet(Passwords::generate);
        boolean created = users.createFirstAdmin(password);
        if (!created) {
            return new Outcome(null, false, false, file);   // another replica created it first
        }
        if (fromEnvironment) {
            return new Outcome(null, true, true, file);
        }
        file.write(password);
        return new Outcome(password, true, false, file);
    }
}
