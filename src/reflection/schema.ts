export interface ReflectionData {
  model: unknown;
  prompts: unknown[];
}
