// Ctrl-C (SIGINT) and SIGTERM while the CLI has something to undo on the terminal (the progress line). The
// process is the source; a test hands the command a stand-in through `Io.signals`.
import { constants } from "node:os";

export type EndingSignal = "SIGINT" | "SIGTERM";
export const ENDING_SIGNALS: readonly EndingSignal[] = ["SIGINT", "SIGTERM"];

export interface SignalSource {
  on(signal: EndingSignal, listener: () => void): unknown;
  off(signal: EndingSignal, listener: () => void): unknown;
  /**
   * Ends the command as the signal would have, once the listener has tidied up (and removed itself). `code` is
   * the shell's status for it, 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
   */
  end(signal: EndingSignal, code: number): void;
}

/** The shell's exit status for a command the signal ended: 128 + its number (130 SIGINT, 143 SIGTERM). */
export const signalExitCode = (signal: EndingSignal): number => 128 + constants.signals[signal];

/**
 * The process's signals. `end` raises the signal again with its default action, so whoever waits for the command
 * sees it ended by the signal (a shell loop stops on Ctrl-C rather than running the next command); if something
 * else in the process still listens for it and the process lives on, it exits with the same status a shell reports.
 */
export const processSignals: SignalSource = {
  on: (signal, listener) => process.on(signal, listener),
  off: (signal, listener) => process.off(signal, listener),
  end(signal, code) {
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    process.exit(code);
  },
};
