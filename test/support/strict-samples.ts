// Type-checks sample programs as a reader's strict TypeScript project would (Node types, DOM lib for fetch and
// Request): the README test and the docs samples test share it.
import { join } from "node:path";
import ts from "typescript";

/** Each diagnostic as `where: message`; `where(file, line)` maps a checked file and its 1-based line to the sample's place. */
export function strictTypeProblems(root: string, files: string[], where: (file: string, line: number) => string): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    typeRoots: [join(root, "node_modules/@types")],
    skipLibCheck: true,
    esModuleInterop: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const at = d.file && d.start !== undefined ? where(d.file.fileName, d.file.getLineAndCharacterOfPosition(d.start).line + 1) : (d.file?.fileName ?? "");
    return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
