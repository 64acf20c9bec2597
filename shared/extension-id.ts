/**
 * The extension's stable identity: the public key in the manifest fixes the
 * Chrome extension id of an unpacked or self-hosted build, so that the server
 * can allow exactly this origin (CORS) instead of every extension's. A store
 * build gets the store's id: add it with EXTENSION_ORIGINS on the server.
 * The id is the key's SHA-256, first 32 hex digits written with a-p
 * (tests/unit/extension-id.test.ts derives it again).
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp0bTSyy3cHSvi/yv+9KVy4Lt3d27VlbpKv8h00CyxpW3a/N6of1btDuEL2K33bUB8NmHG1n+CphWHUpQcVf1Rs2lp2FKHbZBS8k5Bluocv1xBRPrp+U2XEWaQCxBioTYUvTYDJ9PkXpmpd4IFzPfVNbve7igAuAFm43SNXRUqrLzyOzeDrrdMrtO2SwAcNsE3VogpMlNIyZoqrA7Kiio+4DCwd7pRCmZoYVnhJ4OdbpPRo1BnHKdJfCYj/wEwywY/m8SZKZWknDS1K40y5oubkHNcftLiRpZo15zkvGwtRs5+gviQj0SSTWlXtD/18IEGBT5iX9JFxXqFRgSe7UzPQIDAQAB';

export const EXTENSION_ID = 'bpdgddhmmbkciolpgmllddhncjbbjpjh';

/** Firefox's add-on id (browser_specific_settings.gecko.id): stable across builds and the store listing. */
export const FIREFOX_ID = 'phase-crm@phase-crm.app';
