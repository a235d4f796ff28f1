// The floor for cold-start.mjs: the same first call as cold-start-ours.mjs with a bare fetch, in a fresh process.
//   node bench/cold-start-fetch.mjs <baseURL>
const started = performance.now()
const res = await fetch(`${process.argv[2]}/responses`, {
  method: 'POST',
  headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'gpt-5.2', input: 'hi' }),
})
const response = await res.json()
if (response.output[0].content[0].text !== 'Hello! You said: hi') throw new Error('unexpected answer')
const called = performance.now()
console.log(JSON.stringify({ bootMs: started, importMs: 0, callMs: called - started }))
