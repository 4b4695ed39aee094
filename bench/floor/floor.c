/*
 * floor.c - the cost of "one TCP connection per request" with nothing else.
 *
 * The lock server's benchmark measures one-connection-per-request throughput as a
 * ratio to this program: a single-threaded epoll loop that accepts a connection,
 * reads until it has seen a newline, writes one short fixed line and closes. It
 * parses nothing and keeps no state, so no real server can be faster under the
 * same load; the ratio tells how much of the kernel's budget the server leaves.
 *
 * usage: floor PORT            (listens on 127.0.0.1 only)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static const char answer[] = "1O1O1O\n";
static volatile sig_atomic_t running = 1;

static void stop(int sig) { (void)sig; running = 0; }

static int listen_on(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int yes = 1;
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 4096) != 0) {
        perror("floor: listen");
        exit(1);
    }
    return fd;
}

/* Returns 1 once a newline has arrived, -1 when the peer is gone, 0 to wait for more. */
static int drain(int fd, char *buf, size_t size)
{
    for (;;) {
        ssize_t got = recv(fd, buf, size, 0);
        if (got > 0) {
            if (memchr(buf, '\n', (size_t)got) != NULL) return 1;
            continue;
        }
        if (got == 0) return -1;
        if (errno == EINTR) continue;
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, stop);
    signal(SIGTERM, stop);

    int listener = listen_on(atoi(argv[1]));
    int poller = epoll_create1(0);
    struct epoll_event want = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(poller, EPOLL_CTL_ADD, listener, &want);

    static char buf[1 << 16];
    struct epoll_event ready[512];
    int yes = 1;
    while (running) {
        int n = epoll_wait(poller, ready, 512, 500);
        for (int i = 0; i < n; i++) {
            int fd = ready[i].data.fd;
            if (fd == listener) {
                int conn;
                while ((conn = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
                    struct epoll_event ev = {.events = EPOLLIN, .data.fd = conn};
                    epoll_ctl(poller, EPOLL_CTL_ADD, conn, &ev);
                }
                continue;
            }
            int state = drain(fd, buf, sizeof buf);
            if (state == 0) continue;
            if (state == 1 && send(fd, answer, sizeof answer - 1, MSG_NOSIGNAL) < 0) {
                /* the peer left before the answer: nothing to do but close */
            }
            epoll_ctl(poller, EPOLL_CTL_DEL, fd, NULL);
            close(fd);
        }
    }
    return 0;
}
