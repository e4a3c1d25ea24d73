# golden-needs: aiohttp
# gilt's aiohttp against the local httpbin: the request forms, the response
# accessors and the headers multidict. python3 here may lack aiohttp; the
# expected output was checked line by line against aiohttp 3.9's documented
# behaviour (ClientSession/ClientResponse reference) and against the real
# aiohttp 3.8.4 (Debian's python3-aiohttp under Debian's python3.11), which
# prints the same; it regenerates from the real aiohttp wherever python3 has it.
import asyncio
import aiohttp
import httpbin

server, BASE = httpbin.serve_in_thread()


async def main():
    async with aiohttp.ClientSession(headers={"X-Session": "s1"}) as session:
        print(session.closed, type(session.timeout).__name__, session.timeout.total)
        async with session.get(BASE + "/get", params={"a": "1", "b": "two words"},
                               headers={"X-Test": "yes"}) as resp:
            print(resp.status, resp.reason, resp.ok, resp.content_type, resp.method)
            print(resp.url.path, resp.url.query_string)
            print(resp.headers["content-type"], resp.headers.get("CONTENT-TYPE"),
                  "Content-Length" in resp.headers, "x-nothing" in resp.headers)
            body = await resp.json()
            print(sorted(body["args"].items()))
            print(body["headers"].get("X-Test"), body["headers"].get("X-Session"))
            print(type(await resp.read()).__name__, (await resp.text())[:1])

        resp = await session.post(BASE + "/post", json={"k": [1, 2], "n": None})
        data = await resp.json()
        print(resp.status, data["json"], data["headers"]["Content-Type"])

        resp = await session.post(BASE + "/post", data={"f": "v", "g": "w x"})
        data = await resp.json()
        print(sorted(data["form"].items()), data["headers"]["Content-Type"])

        resp = await session.put(BASE + "/put", data=b"\x00\x01raw")
        data = await resp.json()
        print(resp.status, data["data"], data["headers"]["Content-Type"])

        resp = await session.post(BASE + "/post", data="text body")
        data = await resp.json()
        print(data["data"], data["headers"]["Content-Type"])

        resp = await session.delete(BASE + "/delete")
        print(resp.method, resp.status, (await resp.json())["url"].endswith("/delete"))

        async with session.head(BASE + "/get") as resp:
            print(resp.method, resp.status, await resp.read())

        async with session.request("GET", BASE + "/html") as resp:
            text = await resp.text(encoding="utf-8")
            print(resp.content_type, resp.charset, text.count("<h1>") >= 0)

        async with session.get(BASE + "/redirect/2") as resp:
            print(resp.status, resp.url.path, [r.status for r in resp.history])
        async with session.get(BASE + "/redirect/1", allow_redirects=False) as resp:
            print(resp.status, resp.headers["Location"])

        async with session.get(BASE + "/stream/4") as resp:
            lines = (await resp.text()).splitlines()
            print(resp.headers.get("Transfer-Encoding"), len(lines))

        async with session.get(BASE + "/bytes/300") as resp:
            print(len(await resp.read()), resp.content_length)

        results = await asyncio.gather(*(session.get(BASE + "/get", params={"i": i})
                                         for i in range(6)))
        print([(await r.json())["args"]["i"] for r in results])

    print(session.closed)
    try:
        await session.get(BASE + "/get")
    except RuntimeError as exc:
        print("RuntimeError", exc)

    async with aiohttp.request("GET", BASE + "/get") as resp:
        print("one-off", resp.status)


asyncio.run(main())
server.shutdown()
server.server_close()
