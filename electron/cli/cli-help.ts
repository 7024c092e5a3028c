export const HELP = `easel — generate pictures with cloud image APIs and keep them in a local library.

Usage: easel <command> [flags]

Commands
  generate   --provider <id> --model <id> --prompt <text> [--negative <text>] [--aspect W:H]
             [--resolution 1k|2k|4k] [--count N] [--seed N] [--ref <file-or-url>]...
             [--param key=value]... [--no-wait] [--json]
  jobs       [--json]                 every job with its state
  resume     [--json]                 continue every unfinished job and wait for it
  cancel     <job id>                 stop following a job
  retry      <job id>                 save what is still unsaved, or submit the request again
  library    [--search <text>] [--json]
  providers  [--json]                 providers, models and what each accepts

Environment
  EASEL_DATA_DIR             job records, index and (by default) the library
  EASEL_LIBRARY_DIR          where pictures are saved (default: $EASEL_DATA_DIR/library)
  EASEL_<VENDOR>_API_KEY     e.g. EASEL_REVID_API_KEY
  EASEL_<ID>_BASE_URL        e.g. EASEL_REVID_BASE_URL (proxies, regional endpoints)

With --json the last line of stdout is one JSON value. Exit status: 0 done, 1 the job failed,
2 refused before sending (bad input, missing key), 3 kept but paused (run \`easel resume\`).`;
