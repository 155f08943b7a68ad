// Running Deno scripts in child processes with tsjit's permissions, for tests that need a fresh
// process (the pool is sized at start-up; the cache is meant for other processes).
const dec = new TextDecoder();

/** tsjit's usual permissions, plus `extra` (such as a write path). */
export function denoArgs(extra: string[] = []): string[] {
  return ["run", "--allow-ffi", "--allow-read", "--allow-env", ...extra];
}

/** The outcome of a child process, its output decoded. */
export interface Outcome {
  success: boolean;
  code: number;
  stdout: string;
  stderr: string;
}

function outcome(o: Deno.CommandOutput): Outcome {
  return {
    success: o.success,
    code: o.code,
    stdout: dec.decode(o.stdout),
    stderr: dec.decode(o.stderr),
  };
}

function command(args: string[], env: Record<string, string>): Deno.Command {
  return new Deno.Command(Deno.execPath(), { args, env, stdout: "piped", stderr: "piped" });
}

/** Runs `deno ARGS` to completion. */
export function denoSync(args: string[], env: Record<string, string> = {}): Outcome {
  return outcome(command(args, env).outputSync());
}

/** Runs `deno ARGS` in the background. */
export async function denoAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<Outcome> {
  return outcome(await command(args, env).output());
}
