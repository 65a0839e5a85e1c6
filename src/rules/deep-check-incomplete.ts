import { childKey, programKey } from '../deep/facts.js';
import { formatPlatform } from '../platforms/normalize.js';
import { deepTargets, printable } from './deep-targets.js';
import { containerFields, imageLabel } from './describe.js';
import type { Draft, Rule } from './rule.js';

export const deepCheckIncomplete: Rule = {
  meta: {
    id: 'deep-check-incomplete',
    defaultSeverity: 'notice',
    description:
      'Deep mode could not tell what a container runs: the file is missing, unreadable, beyond the byte budget, or not a program.',
    impact: 'The binary inside this image build was not checked against the node pools that pull it.',
    remediation:
      'Check the message: raise --deep-image-budget/--deep-run-budget, fix the command or entrypoint path, or give archcheck access to the layers.',
  },
  check: (ctx) =>
    deepTargets(ctx).flatMap((t): Draft[] => {
      const platform = formatPlatform(t.platform);
      const child = ctx.deep?.children.get(childKey(t.image, t.platform));
      const program = ctx.deep?.programs.get(programKey(t.image, t.platform, t.override));
      let why: string | undefined;
      if (child?.kind === 'incomplete') why = child.reason;
      else if (program?.kind === 'incomplete') why = program.reason;
      else if (program?.kind === 'checked') {
        const file = program.files.find((f) => f.executable.kind === 'unknown');
        if (file?.executable.kind === 'unknown') {
          why = `${file.path} is ${file.executable.description}, which the kernel does not execute`;
        }
      }
      if (!why) return [];
      return [
        {
          message: printable(
            `container "${t.container.name}": the ${platform} build of ${imageLabel(t.container)} was not fully checked: ${why}.`,
          ),
          ...containerFields(t.workload, t.container),
          cluster: t.cluster.name,
          platforms: [platform],
        },
      ];
    }),
};
