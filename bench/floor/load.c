/*
 * load.c - a closed-loop load generator in C, for figures the generator does not limit.
 *
 * N slots each keep one request in flight: send a line, read one reply line, and (per
 * request mode) close and reconnect, or (kept-alive mode) send the next line on the same
 * connection. Lines come from a file, one request per line; slot i sends lines i*K to
 * i*K+K-1 over and over (K = LINES_PER_SLOT; the file wraps round when it is shorter).
 * Prints requests/s and p50/p99 latency in microseconds as "rps p50 p99 errors".
 *
 * usage: load PORT IN_FLIGHT SECONDS LINES_FILE LINES_PER_SLOT [keepalive]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct line { char *text; size_t length; };

struct slot {
    int fd;
    size_t first_line;  /* the slot's own lines are first_line .. first_line + per_slot - 1 */
    size_t next_line;   /* offset of the line to send next, among the slot's own */
    size_t sent;        /* bytes of the current line written so far */
    double started;     /* when the current request began */
};

static struct line *lines;
static size_t line_count;
static struct sockaddr_in server;
static int keep_alive;
static size_t per_slot;

static struct line *current(const struct slot *slot)
{
    return &lines[(slot->first_line + slot->next_line) % line_count];
}

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static void read_lines(const char *path)
{
    FILE *file = fopen(path, "r");
    if (file == NULL) { perror("load: lines file"); exit(2); }
    size_t capacity = 64;
    lines = malloc(capacity * sizeof *lines);
    char *text = NULL;
    size_t size = 0;
    ssize_t got;
    while ((got = getline(&text, &size, file)) > 0) {
        if (line_count == capacity) lines = realloc(lines, (capacity *= 2) * sizeof *lines);
        lines[line_count].text = text;
        lines[line_count].length = (size_t)got;
        line_count++;
        text = NULL;
        size = 0;
    }
    fclose(file);
    if (line_count == 0) { fprintf(stderr, "load: no lines\n"); exit(2); }
}

static int open_connection(int poller, struct slot *slot)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    if (connect(fd, (struct sockaddr *)&server, sizeof server) != 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    struct epoll_event want = {.events = EPOLLOUT | EPOLLIN, .data.ptr = slot};
    epoll_ctl(poller, EPOLL_CTL_ADD, fd, &want);
    slot->fd = fd;
    slot->sent = 0;
    return 0;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: %s PORT IN_FLIGHT SECONDS LINES_FILE LINES_PER_SLOT [keepalive]\n", argv[0]);
        return 2;
    }
    int in_flight = atoi(argv[2]);
    double seconds = atof(argv[3]);
    per_slot = (size_t)atoi(argv[5]);
    if (per_slot == 0) per_slot = 1;
    keep_alive = argc > 6 && strcmp(argv[6], "keepalive") == 0;
    read_lines(argv[4]);
    server.sin_family = AF_INET;
    server.sin_port = htons((unsigned short)atoi(argv[1]));
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    int poller = epoll_create1(0);
    struct slot *slots = calloc((size_t)in_flight, sizeof *slots);
    size_t latency_capacity = 1 << 20, latency_count = 0, errors = 0;
    double *latencies = malloc(latency_capacity * sizeof *latencies);
    double begin = now_us(), end = begin + seconds * 1e6;
    for (int i = 0; i < in_flight; i++) {
        slots[i].first_line = (size_t)i * per_slot;
        slots[i].started = now_us();
        if (open_connection(poller, &slots[i]) != 0) errors++;
    }

    static char buf[1 << 16];
    struct epoll_event ready[256];
    double t = begin;
    while (t < end) {
        int n = epoll_wait(poller, ready, 256, 100);
        t = now_us();
        for (int i = 0; i < n; i++) {
            struct slot *slot = ready[i].data.ptr;
            struct line *line = current(slot);
            int failed = (ready[i].events & (EPOLLERR | EPOLLHUP)) && !(ready[i].events & EPOLLIN);
            if (!failed && slot->sent < line->length && (ready[i].events & EPOLLOUT)) {
                ssize_t w = send(slot->fd, line->text + slot->sent, line->length - slot->sent, MSG_NOSIGNAL);
                if (w > 0) slot->sent += (size_t)w;
                else if (errno != EAGAIN) failed = 1;
                if (slot->sent == line->length) {
                    struct epoll_event want = {.events = EPOLLIN, .data.ptr = slot};
                    epoll_ctl(poller, EPOLL_CTL_MOD, slot->fd, &want);
                }
            }
            int answered = 0;
            if (!failed && (ready[i].events & EPOLLIN)) {
                ssize_t r;
                while ((r = recv(slot->fd, buf, sizeof buf, 0)) > 0) {
                    if (memchr(buf, '\n', (size_t)r)) { answered = 1; break; }
                }
                if (!answered && (r == 0 || (r < 0 && errno != EAGAIN))) failed = 1;
            }
            if (!answered && !failed) continue;
            if (answered) {
                if (latency_count == latency_capacity)
                    latencies = realloc(latencies, (latency_capacity *= 2) * sizeof *latencies);
                latencies[latency_count++] = t - slot->started;
            } else {
                errors++;
            }
            slot->next_line = (slot->next_line + 1) % per_slot;
            slot->started = t;
            if (keep_alive && answered) {
                slot->sent = 0;
                struct epoll_event want = {.events = EPOLLOUT | EPOLLIN, .data.ptr = slot};
                epoll_ctl(poller, EPOLL_CTL_MOD, slot->fd, &want);
                continue;
            }
            epoll_ctl(poller, EPOLL_CTL_DEL, slot->fd, NULL);
            close(slot->fd);
            if (open_connection(poller, slot) != 0) errors++;
        }
    }
    double elapsed = (now_us() - begin) / 1e6;
    qsort(latencies, latency_count, sizeof *latencies, compare);
    double p50 = latency_count ? latencies[latency_count / 2] : 0;
    double p99 = latency_count ? latencies[(size_t)(latency_count * 0.99)] : 0;
    printf("%.0f %.0f %.0f %zu\n", latency_count / elapsed, p50, p99, errors);
    return 0;
}
