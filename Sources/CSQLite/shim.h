#ifndef GONGKAI_CSQLITE_SHIM_H
#define GONGKAI_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro Swift cannot import: bind text and blobs through these.
static inline int gongkai_bind_text(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}
static inline int gongkai_bind_blob(sqlite3_stmt *stmt, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(stmt, index, bytes, length, SQLITE_TRANSIENT);
}
/// sqlite3_config is variadic. Memory statistics cost a global mutex on every allocation SQLite makes;
/// gongkai never reads them. Must run before the first connection opens (it fails harmlessly after).
static inline int gongkai_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
/// sqlite3_db_config is variadic: turn off double-quoted string literals in DML and DDL (as GRDB does).
static inline void gongkai_disable_double_quoted_strings(sqlite3 *db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
}
#endif
