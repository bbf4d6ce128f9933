// The one way the action writes to the runner's log. It is @actions/core with info and debug made safe for
// foreign text (compiler output, file and directory names, anything a server or a file said): no line of it can
// become a workflow command. error, warning and notice already encode their message onto one command line.
import { debug as rawDebug, info as rawInfo } from '@actions/core';
import { logSafe } from '../core/report/format.js';

export * from '@actions/core';

export function info(message: string): void {
  rawInfo(logSafe(message));
}

export function debug(message: string): void {
  rawDebug(logSafe(message));
}

/** Registers a problem matcher: the one command the action writes as a plain line, with its own file's path. */
export function addMatcher(file: string): void {
  rawInfo(`::add-matcher::${file}`);
}
