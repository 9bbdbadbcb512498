/** The text of `offboard --help`. */
export const HELP = `offboard: offboard leavers from Genesys Cloud CX

Usage:
  offboard plan    <manifest.csv>   dry run: reads Genesys, changes nothing
  offboard apply   <manifest.csv | plan.json>
                                    deactivates (and, where asked, deletes) the leavers
  offboard restore <report.jsonl>   brings back the users an apply run changed
  offboard lookup  <id | email>     who a user was, from the directory archive in --out
  offboard sandbox                  a local Genesys-compatible API to try it on

Options:
  --out DIR            where reports go (default reports/)
  --delete             rows without an action are deleted after deactivation
  --yes, -y            no interactive confirmation (required by apply without a terminal)
  --max-changes N      refuse to start if more users would change (default 100)
  --protect FILE       emails or user ids never touched, one a line (repeatable;
                       also OFFBOARD_PROTECT_FILE)
  --rate N             requests per minute, evenly spread (default 300)
  --concurrency N      rows whose writes may be in flight at once (default 4)
  --timeout SECONDS    per request (default 30)
  --snapshot full      apply: also record queues, groups, roles and direct reports
                       before each change (4 more requests a user; default basic)
  --resume REPORT      apply: continue an interrupted run into its own .jsonl report
  --expires-in D       plan: how long the plan may be applied (7d, 12h, 90m; default 7d)
  --log-level LEVEL    fatal, error, warn, info, debug, trace or silent (default info)
  --log-file FILE      append the JSON log lines to FILE (0600) instead of stderr
  --help, --version

Sandbox options:
  --port N             (default 8787; 0 picks a free port)
  --host ADDRESS       (default 127.0.0.1)
  --rate-limit N       answer 429 past N requests a minute

Configuration (environment or .env): GENESYS_CLOUD_REGION, GENESYS_CLOUD_CLIENT_ID,
GENESYS_CLOUD_CLIENT_SECRET; GENESYS_CLOUD_API_URL / GENESYS_CLOUD_LOGIN_URL override
the region.

Exit codes: 0 every row done; 1 some rows need attention or failed; 2 usage,
configuration or manifest error; 3 a safety guard stopped the run before any change;
130/143 interrupted.
`;
