// The Milestones language server's entry (bundled to dist/server.js): `milestones lsp --stdio`
// loads it, and so can any editor's client (`node dist/server.js --stdio`, or `--node-ipc`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startCpuProfile } from './cpuProfile';
import { serveMilestones } from './milestonesServer';
import { nodePlatform } from './nodePlatform';
import { setServerPlatform } from './serverPlatform';

/** Starts the server on the transport named in the process arguments (`--stdio`, `--node-ipc`, `--socket=N`). */
export function startLanguageServer(): void {
  // `npm run bench:vscode` with MILESTONES_BENCH_SERVER_CPUPROFILE=FILE: where the server's time goes.
  const profile = process.env.MILESTONES_BENCH_SERVER_CPUPROFILE;
  if (profile) startCpuProfile(profile);
  setServerPlatform(nodePlatform);
  serveMilestones(createConnection(ProposedFeatures.all));
}

if (require.main === module) startLanguageServer();
