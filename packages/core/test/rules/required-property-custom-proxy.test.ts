import rule from "../../src/rules/required-property.js";
import { ruleTester } from "../rule-tester.js";

// A custom proxy's required keys written under other names (the server as a host and port, the
// credentials as user and pass): required-property's table, the part about the server and credentials.

const customProxy = (members: string) => `{"count":1,"configuration":{"session":{"proxy":{"type":"custom","active":true,${members}}}}}`;
const SERVER = 'Missing required property "server" in configuration.session.proxy (Proxy address in PROTOCOL://HOST:PORT format (e.g., https://proxy.example.com:443)).';
const USERNAME = 'Missing required property "username" in configuration.session.proxy (Proxy username).';
const PASSWORD = 'Missing required property "password" in configuration.session.proxy (Proxy password).';

ruleTester(rule, {
  valid: [customProxy('"server":"socks5://proxy.example.com:1080","username":"${env:U}","password":"${env:P}"')],
  invalid: [
    {
      name: "a custom proxy's sever: --fix renames it to server",
      code: customProxy('"sever":"http://p.example.com:8080","username":"${env:U}","password":"${env:P}"'),
      errors: [{ message: `${SERVER} "sever" is written instead, which the API ignores: did you mean "server"?` }],
      safeOutput: customProxy('"server":"http://p.example.com:8080","username":"${env:U}","password":"${env:P}"'),
    },
    {
      name: "a custom proxy's user and pass: one error each, the renames offered",
      code: customProxy('"server":"http://p.example.com:8080","user":"${env:U}","pass":"${env:P}"'),
      errors: [
        { message: `${USERNAME} "user" is written instead, which the API ignores: did you mean "username"?`, suggestions: ['Rename "user" to "username"'] },
        { message: `${PASSWORD} "pass" is written instead, which the API ignores: did you mean "password"?`, suggestions: ['Rename "pass" to "password"'] },
      ],
      safeOutput: customProxy('"server":"http://p.example.com:8080","user":"${env:U}","pass":"${env:P}"'),
      output: customProxy('"server":"http://p.example.com:8080","username":"${env:U}","password":"${env:P}"'),
    },
    {
      name: "a custom proxy's url for server: only offered",
      code: customProxy('"url":"http://p.example.com:8080","username":"${env:U}","password":"${env:P}"'),
      errors: [{ message: `${SERVER} "url" is written instead, which the API ignores: did you mean "server"?`, suggestions: ['Rename "url" to "server"'] }],
      output: customProxy('"server":"http://p.example.com:8080","username":"${env:U}","password":"${env:P}"'),
    },
    {
      name: "a custom proxy's host and port: one error naming both, the server they make offered",
      code: customProxy('"host":"p.example.com","port":8080,"username":"${env:U}","password":"${env:P}"'),
      errors: [
        {
          message: `${SERVER} "host" and "port" are written instead, which the API ignores: did you mean "server": "http://p.example.com:8080"?`,
          suggestions: ['Replace "host" and "port" with "server": "http://p.example.com:8080"'],
        },
      ],
      safeOutput: customProxy('"host":"p.example.com","port":8080,"username":"${env:U}","password":"${env:P}"'),
      output: customProxy('"server":"http://p.example.com:8080","username":"${env:U}","password":"${env:P}"'),
    },
    {
      name: "host and port written last, the host with its protocol: kept",
      code: customProxy('"username":"${env:U}","password":"${env:P}","host":"socks5://p.example.com","port":"1080"'),
      errors: [{ message: `${SERVER} "host" and "port" are written instead, which the API ignores: did you mean "server": "socks5://p.example.com:1080"?` }],
      output: customProxy('"username":"${env:U}","password":"${env:P}","server":"socks5://p.example.com:1080"'),
    },
    {
      name: "hostname, proxy_port and scheme written last: one error, the server they make offered",
      code: customProxy('"username":"${env:U}","password":"${env:P}","hostname":"p.example.com","proxy_port":"1080","scheme":"SOCKS5"'),
      errors: [
        {
          message: `${SERVER} "hostname", "proxy_port" and "scheme" are written instead, which the API ignores: did you mean "server": "socks5://p.example.com:1080"?`,
          suggestions: ['Replace "hostname", "proxy_port" and "scheme" with "server": "socks5://p.example.com:1080"'],
        },
      ],
      output: customProxy('"username":"${env:U}","password":"${env:P}","server":"socks5://p.example.com:1080"'),
    },
    {
      name: "a host and port that make no plain server: both named, no fix",
      code: customProxy('"host":"[::1]","port":"eighty","username":"${env:U}","password":"${env:P}"'),
      errors: [{ message: `${SERVER} "host" and "port" are written instead, which the API ignores: did you mean one "server" in PROTOCOL://HOST:PORT format?`, suggestions: [] }],
      safeOutput: customProxy('"host":"[::1]","port":"eighty","username":"${env:U}","password":"${env:P}"'),
    },
  ],
});
