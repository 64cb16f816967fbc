/** Tag of the suite's own console lines: a browser workbench mixes them with its own. */
export const LOG_TAG = 'readiness-e2e |';

/** One line of the suite's report, as the harness shows it. */
export function say(line: string): void {
  console.log(`${LOG_TAG} ${line}`);
}
