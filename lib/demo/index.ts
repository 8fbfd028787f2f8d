import "server-only";
export { loadDemoData, DEMO_EXTRACT } from "./load-demo.ts";
