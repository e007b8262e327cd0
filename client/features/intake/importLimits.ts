// How large an 项目清单 file may be. The server refuses request bodies over 1 MiB before reading them
// (LIMITS.maxBodyBytes in server/hardening.ts) and the file travels base64-encoded, a third larger, in
// the importProjects mutation; tests/import-template.test.ts sends a file of this size through.
export const MAX_IMPORT_FILE_BYTES = 750 * 1024;

/** The same limit, as the page states it. */
export const MAX_IMPORT_FILE_LABEL = "750 KB";

/** Rows one import takes (MAX_IMPORT_ROWS in server/modules/project/xlsx.ts; the same test compares them). */
export const MAX_IMPORT_ROWS = 2000;
