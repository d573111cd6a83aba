import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The engine's own folder (where `templates/` and `src/` live), wherever the course is. */
export const ENGINE_DIR = fileURLToPath(new URL("..", import.meta.url));
export const TEMPLATES_DIR = join(ENGINE_DIR, "templates");
export const UI_STRINGS_DIR = join(TEMPLATES_DIR, "i18n");
