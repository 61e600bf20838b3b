// What the app may use of Open311: its routes, and the shape of its errors (for the API's tests).
export { open311Errors } from './errors.ts';
export { open311Routes, type Open311Options } from './routes.ts';
