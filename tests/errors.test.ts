import { describe, expect, it } from "vitest";
import { StateError, UsageError } from "../src/errors.js";
import { LockedError } from "../src/output/lock.js";

/** What a UsageError or StateError thrown by the other copy of src/errors.ts (bundle vs dist/) looks like. */
const fromOtherCopy = (kind: string) => Object.assign(new Error("x"), { [Symbol.for("edih.error-kind")]: kind, exitCode: kind === "usage" ? 2 : 1, hint: undefined });

describe("known errors across copies of the classes", () => {
  it("are recognised by their brand, not their prototype", () => {
    expect(fromOtherCopy("usage")).toBeInstanceOf(UsageError);
    expect(fromOtherCopy("state")).toBeInstanceOf(StateError);
    expect(fromOtherCopy("usage")).not.toBeInstanceOf(StateError);
  });

  it("are not confused with other errors of the same shape", () => {
    const lookalike = Object.assign(new Error("x"), { exitCode: 2, hint: "h" });
    expect(lookalike).not.toBeInstanceOf(UsageError);
    expect({ [Symbol.for("edih.error-kind")]: "usage" }).not.toBeInstanceOf(UsageError);
  });

  it("a subclass keeps its own identity and its base's", () => {
    const locked = new LockedError("/x/.edih-lock", undefined, "hint");
    expect(locked).toBeInstanceOf(LockedError);
    expect(locked).toBeInstanceOf(StateError);
    expect(new StateError("x")).not.toBeInstanceOf(LockedError);
    expect(new UsageError("x")).toBeInstanceOf(UsageError);
  });
});
