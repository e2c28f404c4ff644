import sys, re, collections
# Where the gateway spends its CPU, from `jfr print --events jdk.ExecutionSample --stack-depth 200 <recording>` output
# (one or more files): python3 deploy/bench/jfr-breakdown.py before.txt after.txt. See docs/performance.md.
# Where the gateway's CPU samples go: each JFR execution sample is given to the first frame, from the leaf outwards,
# that is not reactor-core or the JDK (the reactive plumbing is charged to the component whose chain it runs).
C = [
 ('WebSession (created per request)', r'web\.server\.session\.'),
 ('JWT verification (Nimbus)', r'^com\.nimbusds|oauth2\.jwt\.|oauth2\.jose'),
 ('rate limit (RateLimiter, Lettuce, Redis script)', r'^io\.lettuce|data\.redis|gateway\.ratelimit'),
 ('metrics and observations (Micrometer)', r'^io\.micrometer|[Oo]bservation'),
 ('logging', r'^ch\.qos\.logback|^org\.slf4j|core\.log\.'),
 ('circuit breaker, bulkhead, time limiter', r'^io\.github\.resilience4j|cloud\.circuitbreaker'),
 ('Spring Security chain (firewall, matchers, authorization)', r'^org\.springframework\.security'),
 ('our filters (identity headers, client address, body limit)', r'^com\.tickitecking'),
 ('header copying (gateway header filters, HttpHeaders)', r'cloud\.gateway\.filter\.headers|springframework\.http\.HttpHeaders|LinkedCaseInsensitiveMap|MultiValueMapAdapter'),
 ('gateway routing and filters', r'^org\.springframework\.cloud\.gateway'),
 ('WebFlux dispatch (handler mappings, exchange)', r'^org\.springframework\.(web|http)'),
 ('Netty HTTP client (upstream) and pool', r'reactor\.netty\.http\.client|reactor\.netty\.resources|reactor\.netty\.internal\.shaded\.reactor\.pool'),
 ('Netty HTTP server, channel, codec', r'^reactor\.netty|^io\.netty'),
]
SKIP = re.compile(r'^(reactor\.core|java\.|jdk\.|sun\.)')
def analyse(path):
    text = open(path).read()
    cnt = collections.Counter(); threads = collections.Counter(); total = 0
    for s in text.split('jdk.ExecutionSample')[1:]:
        frames = re.findall(r'^\s+([\w.$<>]+\.[\w$<>]+)\(', s, re.M)
        if not frames: continue
        total += 1
        m = re.search(r'sampledThread = "([^"]*)"', s)
        t = re.sub(r'-\d+.*', '', m.group(1)) if m else '?'
        threads[t] += 1
        for f in frames:
            if SKIP.match(f): continue
            for name, pat in C:
                if re.search(pat, f): cnt[name] += 1; break
            else: cnt['other'] += 1
            break
        else: cnt['reactor-core / JDK only'] += 1
    return total, cnt, threads
res = [analyse(p) for p in sys.argv[1:]]
names = [n for n, _ in C] + ['other', 'reactor-core / JDK only']
print('| component | ' + ' | '.join(sys.argv[1:]) + ' |')
for n in names:
    print('| ' + n + ' | ' + ' | '.join(f'{100*c[n]/t:.1f} %' for t, c, _ in res) + ' |')
print('| samples | ' + ' | '.join(str(t) for t, _, _ in res) + ' |')
for (t, c, th), p in zip(res, sys.argv[1:]):
    print(p, 'threads:', ', '.join(f'{k} {100*v/t:.0f}%' for k, v in th.most_common(5)))
