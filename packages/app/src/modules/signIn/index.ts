export { signInPage } from './SignInPage';
