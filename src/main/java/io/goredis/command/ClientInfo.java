package io.goredis.command;

/**
 * A snapshot of one connection for CLIENT LIST / INFO / KILL. {@link #line()} renders Redis 7's
 * CLIENT LIST line (fields goredis has no equivalent for carry Redis's idle values).
 */
public record ClientInfo(long id, String addr, String laddr, String name, long ageSeconds, long idleSeconds,
                         int db, int resp, String lastCommand, String libName, String libVer,
                         int multi, boolean blocked) {

    /** Redis's CLIENT LIST line, without the trailing newline. */
    public String line() {
        return "id=" + id + " addr=" + addr + " laddr=" + laddr + " fd=-1 name=" + nz(name)
                + " age=" + ageSeconds + " idle=" + idleSeconds + " flags=" + (blocked ? "b" : multi >= 0 ? "x" : "N") + " db=" + db
                + " sub=0 psub=0 ssub=0 multi=" + multi + " qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=16384 rbp=0"
                + " obl=0 oll=0 omem=0 tot-mem=0 events=r cmd=" + nz(lastCommand)
                + " user=default redir=-1 resp=" + resp + " lib-name=" + nz(libName) + " lib-ver=" + nz(libVer);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
