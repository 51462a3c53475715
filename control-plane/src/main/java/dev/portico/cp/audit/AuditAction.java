package dev.portico.cp.audit;

/** What an admin did. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, DEPLOY, ROLLBACK, IMPORT, SUBSCRIBE, UNSUBSCRIBE
}
