/** What Eleventy binds `this` to in a filter or shortcode: the page being rendered. */
export interface FilterContext {
  page?: { url?: string };
}
