import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { CourseModel } from "../../src/course/model.ts";
import { launchBrowser, recordRequests, type TestBrowser } from "./browser.ts";
import { sharedBuild } from "./shared-site.ts";
import { serveSite, type StaticSite } from "../../src/preview/static-server.ts";

export interface ServedCourse {
  browser: TestBrowser;
  site: StaticSite;
  model: CourseModel;
  out: string;
}

/** The run's shared build of the default course, served on loopback, with a browser ready. */
export async function startServedCourse(): Promise<ServedCourse> {
  const built = await sharedBuild("default");
  return {
    model: built.model,
    out: built.out,
    site: await serveSite(built.out),
    browser: await launchBrowser(),
  };
}

export async function stopServedCourse(course: Partial<ServedCourse>): Promise<void> {
  await course.browser?.close();
  await course.site?.close();
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
}

/** A fresh browser context (its own empty localStorage) and page, recording every request. */
export async function openPage(browser: TestBrowser): Promise<OpenPage> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, requests: recordRequests(page) };
}

/** Closes the context after checking nothing left the site (downloads are local blob: URLs). */
export async function closePage(open: Partial<OpenPage>, site: StaticSite): Promise<void> {
  expect(
    (open.requests ?? []).filter((r) => !r.startsWith(site.url) && !r.startsWith("blob:")),
  ).toEqual([]);
  await open.context?.close();
}
