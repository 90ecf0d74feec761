package io.goredis.command.bitmap;

/**
 * BITFIELD's {@code OVERFLOW} behaviours (Redis's {@code BFOVERFLOW_*}) for a SET or INCRBY whose
 * result does not fit the field: wrap around modulo 2^bits, saturate at the type's minimum or
 * maximum, or refuse (the subcommand writes nothing and answers nil).
 */
enum Overflow {
    WRAP, SAT, FAIL
}
