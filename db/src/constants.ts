/** The Land Sachsen-Anhalt, created by migration 0002 with this fixed id. */
export const STATE_TENANT_ID = "00000000-0000-4000-8000-000000000001";
/** Version 1 of the state's maturity model ("SPATZ-Reifegradmodell Kommune"), created by migration maturity_security. */
export const DEFAULT_MODEL_ID = "00000000-0000-4000-8000-000000000101";
