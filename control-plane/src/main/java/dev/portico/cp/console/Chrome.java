package dev.portico.cp.console;

/**
 * What the layout of every signed-in page shows: who is signed in, the form token, which section
 * of the navigation is current.
 */
public record Chrome(String username, String role, String csrf, String section, boolean canWrite, boolean admin) {

    public boolean at(String name) {
        return name.equals(section);
    }
}
