def work(n: int) -> int:
    return n * 2

def fetch_url(url):
    """Pretend to fetch a URL and return a summary."""
    return {"url": url, "status": 200, "size": len(url) * 100}

urls = [f"https://httpbin.org/delay/{i % 3}" for i in range(10)]
results = {url: fetch_url(url) for url in urls}
for url in urls:
    result = results[url]
    print(f"  {result['url']}: {result['status']} ({result['size']} bytes)")
print([work(i) for i in range(5)])
print(f"Expected: 500,000")
print(f"Actual:   {sum(1 for _ in range(500_000)):,}")
