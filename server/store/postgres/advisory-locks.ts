/**
 * The advisory lock keys Kasa takes on its database, in one place so two uses never collide.
 * Arbitrary bigint constants ("KASA" in ASCII, then a number per use).
 */
export const advisoryLock = {
  /** Session lock while the schema is brought up to date: instances starting together migrate one at a time. */
  migrations: '1262572353000001',
  /** Transaction lock around an audit append: one chain order across instances. */
  auditAppend: '1262572353000002',
} as const;
