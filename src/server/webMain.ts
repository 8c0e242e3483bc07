// The Milestones language server in a browser's web worker (bundled to dist/web/server.js): the
// extension's web entry starts it for vscode.dev and github.dev. The same server as `main.ts`; its
// files are the ones the extension sends (mirrorPlatform.ts), since a web worker reads no disk.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { MirrorFiles, mirrorPlatform } from './mirrorPlatform';
import { serveMilestones } from './milestonesServer';
import { setServerPlatform } from './serverPlatform';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const mirror = new MirrorFiles();
setServerPlatform(mirrorPlatform(mirror));
serveMilestones(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)), mirror);
