// The entry of a helper thread of analyseVersions (analyse-versions.ts). It registers the TypeScript
// loader itself, since the calling process may have it through `--import tsx/esm`, through tsx's API
// (the onion-course command) or through vitest, and threads do not inherit the last two.
import { register } from "tsx/esm/api";

register();
await import("./analyse-versions-helper.ts");
