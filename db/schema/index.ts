export * from "./reference";
export * from "./accounts";
export * from "./signing";
export * from "./diplomas";
export * from "./verification";
export * from "./reports";
export * from "./jobs";
export * from "./programme-requests";
