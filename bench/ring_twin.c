/* The benchmark ring model written by hand in C: the same equations, the same Euler
 * steps and the same saved rows (CSV on stdout) as `meadows run` on make_ring.py's model.
 *
 *     ring_twin N STOP DT SAVE > out.csv
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: ring_twin N STOP DT SAVE\n");
        return 2;
    }
    const int n = atoi(argv[1]);
    const double stop = atof(argv[2]), dt = atof(argv[3]), save = atof(argv[4]);
    double *s = malloc(sizeof(double) * n), *rate = malloc(sizeof(double) * n);
    double *f = malloc(sizeof(double) * n), *leak = malloc(sizeof(double) * n);
    for (int i = 0; i < n; ++i)
        s[i] = 100 + i % 10;
    const long steps = lround(floor(stop / dt + 1e-9));
    long saveEvery = lround(save / dt);
    if (saveEvery < 1)
        saveEvery = 1;
    printf("Time");
    for (int i = 0; i < n; ++i)
        printf(",s%d,rate%d,f%d,leak%d", i, i, i, i);
    printf("\n");
    for (long k = 0;; ++k) {
        const double t = k * dt;
        for (int i = 0; i < n; ++i) {
            rate[i] = 0.1 + 0.05 * sin(t / (10 + i % 7));
            f[i] = fmin(s[(i + n - 1) % n] * rate[i], 50);
            leak[i] = s[i] * 0.01;
        }
        if (k % saveEvery == 0) {
            printf("%.6g", t);
            for (int i = 0; i < n; ++i)
                printf(",%.17g,%.17g,%.17g,%.17g", s[i], rate[i], f[i], leak[i]);
            printf("\n");
        }
        if (k >= steps)
            break;
        for (int i = 0; i < n; ++i)
            s[i] += dt * (f[i] - f[(i + 1) % n] - leak[i]);
    }
    free(s);
    free(rate);
    free(f);
    free(leak);
    return 0;
}
