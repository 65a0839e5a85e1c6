import type { KubeObject, ParsedFile } from '../documents/parse.js';
import { parseManifestFile } from '../documents/parse.js';
import { readManifest } from '../documents/read.js';
import { collectFacts, describesNodes, isClusterFact } from '../nodepools/collect.js';
import { extractWorkloads, podKind, podlessKind } from '../workloads/extract.js';
import type { Workload } from '../workloads/workload.js';
import type { SourceFile } from './discover.js';
import { nameTemplate } from './helm/source-comment.js';
import { readStdin } from './stdin.js';
import { detachStrings } from './detach.js';
import type { SourceUnit } from './unit.js';

/**
 * Internal, for the golden test and the bench only: compose every document with the `yaml` package, as before
 * the parser learned to skip those that can hold no container and to build simple ones itself (fastCompose), so
 * both ways can be compared.
 */
export const composeTuning = { everyDocument: false };

/**
 * Objects composed: workloads and the facts of node pools and nodes by kind, others only when a key names
 * `image` (the generic pod-spec search and Helm values need one) and their kind is read at all.
 */
function compose(apiVersion: string, kind: string, imageKey: boolean): boolean {
  if (
    podKind(apiVersion, kind) ||
    isClusterFact({ apiVersion, kind }) ||
    describesNodes({ apiVersion, kind })
  )
    return true;
  return imageKey && !podlessKind(apiVersion, kind);
}

/**
 * A loose manifest file as a unit: read, parsed per document (each AST dropped once extracted), facts kept.
 * `stdin` is what standard input (`-`) reads from, under the same size cap as a file.
 */
export async function readSourceFile(
  source: SourceFile,
  maxFileSize: number,
  stdin?: AsyncIterable<Uint8Array>,
): Promise<SourceUnit> {
  const read = source.stdin
    ? await readStdin(stdin, maxFileSize)
    : await readManifest(source.path, source.file, maxFileSize);
  if (!read.ok) {
    const file: ParsedFile = {
      file: source.file,
      objects: [],
      documents: 0,
      skipped: 0,
      problems: [read.problem],
    };
    return { source, file, workloads: [] };
  }
  const workloads: Workload[] = [];
  const factObjects: KubeObject[] = [];
  let describesPools = false;
  // Workloads hold plain values and positions: extracting per document drops each AST before the next.
  const file = parseManifestFile(
    source.file,
    read.text,
    (objects) => {
      for (const o of objects) {
        workloads.push(...nameTemplate(o, extractWorkloads(o)));
        if (isClusterFact(o)) factObjects.push(o);
        if (describesNodes(o)) describesPools = true;
      }
    },
    composeTuning.everyDocument ? { reference: true } : { compose },
  );
  // A Go template kept beside the manifests (`{{ ... }}` makes it invalid YAML) is not a broken manifest: one
  // notice for the file instead of its parse errors.
  if (file.problems.length > 0 && /\{\{[-\s]*[.$a-zA-Z]/.test(read.text)) {
    const template = `${source.file} is a Go template, not YAML: not checked. Render it and scan the output, or exclude it.`;
    return { source, file: { ...file, objects: [], problems: [] }, workloads: [], template };
  }
  const facts = factObjects.length > 0 ? collectFacts(factObjects) : undefined;
  // What the unit keeps lives to the end of the run; the text it was read from must not.
  detachStrings({ workloads, facts, problems: file.problems, ignoreComments: file.ignoreComments });
  return {
    source,
    file,
    workloads,
    ...(facts ? { facts } : {}),
    ...(describesPools ? { describesPools } : {}),
  };
}
