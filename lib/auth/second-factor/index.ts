export { secondFactorRequired, RECOVERY_CODE_COUNT } from "./policy.ts";
export { stepAfterPassword, useRecoveryCode, verifySecondFactorCode, type AfterPassword } from "./verify.ts";
export { confirmSecondFactor, enableKnownSecondFactor, secretToSetUp } from "./set-up.ts";
export {
  acknowledgeRecoveryCodes,
  loadSecondFactorAccount,
  recoveryCodesToShow,
  regenerateRecoveryCodes,
  resetSecondFactor,
  secondFactorSummary,
  turnOffSecondFactor,
} from "./manage.ts";
export { groupedSecret, setUpQrCode, STEP_SECONDS } from "./totp.ts";
export { TRUST_MS, TRUSTED_BROWSER_COOKIE } from "./trusted-browser.ts";
