import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { subprocessEnv, type EnvAllowance } from '../subprocess-env.js';

// Running the external tools that render sources (helm, kustomize, kubectl): no shell, output as values.

/** Full path of `name` on `PATH`, or undefined. */
export function findOnPath(name: string, env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export type ExecResult = { ok: true; stdout: string } | { ok: false; stderr: string; error: string };

/** Longest stderr kept from a failed tool: it may quote files it read, and it ends up in findings. */
export const STDERR_LIMIT = 2048;

/**
 * Runs a program without a shell and collects its output; a failure to start or a non-zero exit is a value.
 * The program sees only the variables `allow` grants ({@link subprocessEnv}), never the job's whole environment.
 */
export async function execText(
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    env: Record<string, string | undefined>;
    allow: EnvAllowance;
    timeoutMs: number;
  },
): Promise<ExecResult> {
  // Loaded here, not at the top: runs that render nothing (most) do not pay for child_process at start-up.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: subprocessEnv(options.env, options.allow),
        timeout: options.timeoutMs,
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout });
        // Node's message names the tool by the path it was found at (`Command failed: /usr/local/bin/helm ...`):
        // findings name it as the user calls it.
        const reason = error.killed
          ? `timed out after ${options.timeoutMs / 1000} s`
          : (error.message.split('\n')[0] ?? String(error)).split(command).join(path.basename(command));
        resolve({ ok: false, stderr: stderr.trim().slice(-STDERR_LIMIT), error: reason });
      },
    );
  });
}
