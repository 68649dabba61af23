// Colour only for a human at a terminal: NO_COLOR (https://no-color.org) wins, FORCE_COLOR forces.
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function paint(color: boolean): Paint {
  if (!color) {
    const id = (s: string) => s;
    return { red: id, yellow: id, blue: id, green: id, dim: id, bold: id };
  }
  return { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
