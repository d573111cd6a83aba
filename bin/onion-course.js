#!/usr/bin/env node
// `npx onion-course <command>`: the engine ships its TypeScript sources and runs them through tsx,
// as `npm run <command>` does in the engine's own repository, so there is one source of truth and
// no compiled copy to drift from it (see "A course in its own repository" in the README).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
