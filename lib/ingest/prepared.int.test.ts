import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase } from "@/db/test/test-database";
import { preparedStatement } from "./prepared";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const echo = preparedStatement<"n" | "label" | "details">((p) => sql`select ${p("n")}::int * 2 as doubled, ${p("label")}::text as label, ${p("details")}::jsonb ->> 'k' as k, ${p("n")}::int as n`);

const setting = preparedStatement<"name">((p) => sql`select current_setting(${p("name")}::text, true) as v`);

describe("preparedStatement", () => {
  it("binds each call's values to the same text, on many connections at once and inside a transaction", async () => {
    const rows = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => (await echo(t.db, { n, label: `#${n}`, details: JSON.stringify({ k: `v${n}` }) })).rows[0]));
    expect(rows.map((r) => [Number(r!.doubled), r!.label, r!.k, Number(r!.n)])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n * 2, `#${n}`, `v${n}`, n]));
    expect((await echo(t.db, { n: 7, label: null, details: null })).rows[0]).toMatchObject({ label: null, k: null });

    // Inside a transaction the statement runs on the transaction's connection: it sees a setting
    // made local to that transaction.
    const inTx = await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('baton.probe', 'inside', true)`);
      return (await setting(tx, { name: "baton.probe" })).rows[0]!.v;
    });
    expect(inTx).toBe("inside");
    expect((await setting(t.db, { name: "baton.probe" })).rows[0]!.v || null).toBeNull();
  });

  it("refuses a call that leaves a placeholder without a value, before anything reaches the database", async () => {
    await expect(echo(t.db, { n: 1, label: "x" } as never)).rejects.toThrow(/placeholder "details"/);
  });
});
