/*
 * seccomp-exec: runs a command under a system-call allow-list, the way systemd applies
 * SystemCallFilter=<list> with SystemCallErrorNumber=EPERM and SystemCallArchitectures=native.
 * Used by deploy-edge/scripts/sandbox-check.sh to try the gateway under the unit's filter where systemd itself
 * cannot run services (containers, CI). Build: cc -O2 -o seccomp-exec seccomp-exec.c -lseccomp
 *
 *   seccomp-exec [--mdwe] ALLOWLIST COMMAND [ARGS...]
 *
 * ALLOWLIST: one system-call name per line; names this kernel/libseccomp does not know are skipped.
 * --mdwe adds systemd's MemoryDenyWriteExecute=yes rules: no mmap with PROT_WRITE|PROT_EXEC together, no
 * mprotect/pkey_mprotect adding PROT_EXEC, no shmat with SHM_EXEC.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

static int is_mdwe_guarded(const char *name)
{
    return strcmp(name, "mmap") == 0 || strcmp(name, "mmap2") == 0 || strcmp(name, "mprotect") == 0 ||
           strcmp(name, "pkey_mprotect") == 0 || strcmp(name, "shmat") == 0;
}

static void add_or_die(int rc, const char *what)
{
    if (rc < 0) {
        fprintf(stderr, "seccomp-exec: %s: %s\n", what, strerror(-rc));
        exit(125);
    }
}

int main(int argc, char **argv)
{
    int argi = 1, mdwe = 0;
    if (argi < argc && strcmp(argv[argi], "--mdwe") == 0) { mdwe = 1; argi++; }
    if (argc - argi < 2) {
        fprintf(stderr, "usage: seccomp-exec [--mdwe] ALLOWLIST COMMAND [ARGS...]\n");
        return 125;
    }
    FILE *list = fopen(argv[argi], "r");
    if (list == NULL) { perror("seccomp-exec: allow-list"); return 125; }

    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM)); /* native architecture only */
    if (ctx == NULL) { fprintf(stderr, "seccomp-exec: seccomp_init failed\n"); return 125; }

    char line[256];
    int allowed = 0;
    while (fgets(line, sizeof line, list) != NULL) {
        char *name = line + strspn(line, " \t");
        name[strcspn(name, " \t\r\n")] = '\0';
        if (name[0] == '\0' || name[0] == '#' || name[0] == '@') continue;
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR) continue;
        if (mdwe && is_mdwe_guarded(name)) continue; /* added below with argument checks */
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0), name);
        allowed++;
    }
    fclose(list);

    if (mdwe) {
        const int wx = PROT_WRITE | PROT_EXEC;
        /* mmap: allowed unless both PROT_WRITE and PROT_EXEC are asked for (arg 2 = prot). */
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, 0)), "mmap");
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, PROT_WRITE)), "mmap");
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, PROT_EXEC)), "mmap");
        /* mprotect, pkey_mprotect: allowed only without PROT_EXEC. */
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)), "mprotect");
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(pkey_mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0)), "pkey_mprotect");
        /* shmat: allowed only without SHM_EXEC (arg 2 = shmflg). */
        add_or_die(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(shmat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, SHM_EXEC, 0)), "shmat");
    }

    /* seccomp_load sets no_new_privs first (libseccomp's default), as NoNewPrivileges=yes does. */
    add_or_die(seccomp_load(ctx), "seccomp_load");
    seccomp_release(ctx);
    execvp(argv[argi + 1], argv + argi + 1);
    fprintf(stderr, "seccomp-exec: exec %s: %s\n", argv[argi + 1], strerror(errno));
    return 126;
}
