import { useId, useState, type FormEvent } from "react";
import { LogoMark } from "../../app/LogoMark";
import { useLogin } from "./useLogin";

export function SignInPage() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const { login, fetching } = useLogin();
  const messageId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMessage("请输入用户名和密码。");
      return;
    }
    setMessage(null);
    const outcome = await login(username.trim(), password);
    if (!outcome.ok) setMessage(outcome.message);
  }

  return (
    <main className="sign-in">
      <div className="sign-in__panel">
        <div className="sign-in__brand">
          <LogoMark size={44} />
          <div>
            <h1 className="sign-in__title">推进</h1>
            <p className="sign-in__subtitle">
              <span>渠县省级县城新型城镇化建设试点</span>
              <span className="sign-in__separator"> · </span>
              <span>项目调度</span>
            </p>
          </div>
        </div>

        <form className="sign-in__form" onSubmit={onSubmit} noValidate aria-describedby={message ? messageId : undefined}>
          <label className="form-field">
            <span className="form-field__label">用户名</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoFocus
            />
          </label>
          <label className="form-field">
            <span className="form-field__label">密码</span>
            <input
              className="input"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {message && (
            <p id={messageId} className="form-message form-message--error" role="alert">
              {message}
            </p>
          )}
          <button className="button button--primary button--block" type="submit" disabled={fetching}>
            {fetching ? "正在登录…" : "登录"}
          </button>
        </form>
      </div>
      <p className="sign-in__footer">渠县新型城镇化工作领导小组办公室</p>
    </main>
  );
}
