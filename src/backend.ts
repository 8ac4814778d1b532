// The backend contract, as the rest of the library imports it (its home is backends/contract.ts).
export type * from "./backends/contract.js";
