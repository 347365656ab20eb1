"""An HTTP server whose every page is endless (chunked, 64 KiB chunks forever): bench/endless-page-rss.sh."""
import http.server, socketserver, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        if self.path == "/robots.txt":
            self.send_response(404); self.send_header("Content-Length","0"); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Type","text/html; charset=utf-8"); self.send_header("Transfer-Encoding","chunked"); self.end_headers()
        chunk = b"<p>" + b"x"*65530 + b"</p>"
        data = b"%x\r\n%s\r\n" % (len(chunk), chunk)
        try:
            while True: self.wfile.write(data)
        except Exception: pass
    def log_message(self,*a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads=True
S(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 18555), H).serve_forever()
