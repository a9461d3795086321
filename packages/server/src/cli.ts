/** The `mentorkit-server` command (bin/mentorkit-server.js runs this; see command.ts and --help). */
import { main } from './command.js';

const exitCode = await main();
if (exitCode !== undefined) process.exitCode = exitCode;
