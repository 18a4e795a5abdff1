/** Test helper: opens the embedded database in `argv[2]` and holds it until killed. */
import { openDatabase } from "../client";

openDatabase({ kind: "pglite", dataDir: process.argv[2] }).then(() => console.log("ready"));
setInterval(() => {}, 60_000);
