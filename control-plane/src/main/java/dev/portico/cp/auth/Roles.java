package dev.portico.cp.auth;

/** The admin API's roles. Use with {@code @RolesAllowed({Roles.ADMIN, Roles.EDITOR})} and the like. */
public final class Roles {

    /** Everything, including users. */
    public static final String ADMIN = "admin";
    /** APIs, deployments, keys, plans. */
    public static final String EDITOR = "editor";
    /** Read only. */
    public static final String VIEWER = "viewer";

    /** The message for anything else. */
    static final String ONE_OF = "must be one of admin, editor, viewer";

    private Roles() {
    }

    static boolean known(String role) {
        return ADMIN.equals(role) || EDITOR.equals(role) || VIEWER.equals(role);
    }
}
